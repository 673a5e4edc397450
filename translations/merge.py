"""Scratch: merge the numbered translation files into es_scratch.json (English -> Spanish)."""
import json, re, glob, sys
src = json.load(open('es_source.json'))
es = {}
for path in sorted(glob.glob('es_[a-z].tsv')):
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line:
            continue
        i, _, text = line.partition('\t')
        es[int(i)] = text.replace('\\n', '\n')
identity = {int(l.split('\t')[0]) for l in open('es_identity.tsv')}
for i, (s, w) in enumerate(src):
    if w.rsplit('.', 1)[-1] in ('group', 'steps'):
        identity.add(i)
out, missing, bad = {}, [], []
field = re.compile(r'\{([^{}:!]*)([^{}]*)\}')
for i, (s, w) in enumerate(src):
    if i in identity and i not in es:
        out[s] = s
        continue
    if i not in es:
        missing.append(i); continue
    t = es[i]
    if sorted(field.findall(s)) != sorted(field.findall(t)):
        bad.append((i, s, t))
    out[s] = t
# Words added after the first extraction (new contacts, the lang branch's new strings).
out.update(json.load(open('es_extra.json', encoding='utf-8')))
# Neutral words for Spain and Latin America: "equipo" (not ordenador/computadora), the Enter key.
REGIONAL = [("ordenadores", "equipos"), ("ordenador", "equipo"), ("Intro", "Enter")]
for s, t in out.items():
    for a, b in REGIONAL:
        t = re.sub(rf"\b{a}\b", b, t)
    out[s] = t
json.dump(out, open('es_scratch.json', 'w'), ensure_ascii=False, indent=1, sort_keys=True)
print('translated', len(out), 'missing', missing[:50], len(missing))
for b in bad: print('PLACEHOLDER', b)
