// exback-kit's JupyterLab extension: nothing to learn before the first check-in.
//
// 1. A kit notebook runs all its cells once its kernel is ready, so opening it shows the
//    forms without touching a menu. Anyone can write metadata, and a kernel started by
//    `exback lab` can read the locked journal's key, so a notebook counts as the kit's only
//    when its name is a stage notebook's, it carries the mark ("exback": {"autorun": true})
//    AND every code cell is the kit's import and stages.<header|section|charts|next_steps>
//    calls with string literals (exback_kit/cli/kit_notebooks.py makes the same test; a
//    test keeps the names and the pattern equal). Anything else runs only by hand.
// 2. Every run waits for the kernel: JupyterLab's own cell executor silently clears a cell
//    (runs nothing) when Run All is pressed while the kernel is still starting. This one
//    waits until the kernel has answered its first "kernel info" request, then runs.
//
// Plain JavaScript on purpose (no TypeScript step); built with @jupyterlab/builder into
// exback_kit/labextensions/exback-kit-autorun/ (see labextension/README.md), which is committed, so neither
// pip nor CI needs node.

import {
  INotebookCellExecutor,
  INotebookTracker,
  NotebookActions,
  runCell as defaultRunCell
} from '@jupyterlab/notebook';

const READY = new WeakMap();

function once(signal, test) {
  return new Promise(resolve => {
    const check = (sender, value) => {
      if (test(value)) {
        signal.disconnect(check);
        resolve(value);
      }
    };
    signal.connect(check);
  });
}

async function waitForKernel(sessionContext) {
  await sessionContext.ready;
  if (!sessionContext.session?.kernel) {
    if (!sessionContext.kernelPreference.shouldStart) {
      return; // no kernel is coming: JupyterLab's executor asks the person to choose one
    }
    await once(sessionContext.kernelChanged, change => !!change.newValue);
  }
  const kernel = sessionContext.session.kernel;
  await kernel.info; // the first reply: the kernel's channels carry messages now
}

/**
 * Return one promise per session that resolves when its kernel can run code.
 *
 * One shared promise keeps the cells of a Run All in their order while they wait.
 */
function kernelReady(sessionContext) {
  const kernel = sessionContext.session?.kernel;
  let entry = READY.get(sessionContext);
  if (!entry || (kernel && entry.kernel !== kernel && entry.settled)) {
    entry = { kernel, settled: false, promise: null };
    entry.promise = waitForKernel(sessionContext)
      .catch(() => undefined)
      .then(() => {
        entry.settled = true;
      });
    READY.set(sessionContext, entry);
  }
  return entry.promise;
}

const executor = {
  id: 'exback-kit-autorun:cell-executor',
  description: 'Runs notebook cells once the kernel is ready (never silently drops a run).',
  autoStart: true,
  provides: INotebookCellExecutor,
  activate: () =>
    Object.freeze({
      runCell: async options => {
        if (options.sessionContext && options.cell.model.type === 'code') {
          await kernelReady(options.sessionContext);
        }
        return defaultRunCell(options);
      }
    })
};

// The kit's stage notebooks (the stage ids).
const KIT_NAMES = new Set([
  '00_start_here.ipynb', '01_space_and_clarity.ipynb', '02_reading_the_signals.ipynb', '03_rebuilding_you.ipynb', '04_holding_steady.ipynb', '05_reconnecting.ipynb', '06_the_conversation.ipynb', '07_relationship_2_0.ipynb', '08_dashboard.ipynb', '09_moving_on.ipynb'
]);
const KIT_LINE = /^(?:from exback_kit import stages|stages\.(?:header|section|charts|next_steps)\(\s*(?:(?:"[^"\\\n]*"|'[^'\\\n]*')(?:\s*,\s*(?:"[^"\\\n]*"|'[^'\\\n]*'))*\s*,?)?\s*\))$/;

function hasKitCells(model) {
  for (let i = 0; i < model.cells.length; i++) {
    const cell = model.cells.get(i);
    if (cell.type !== 'code') {
      continue;
    }
    const lines = cell.sharedModel.getSource().split('\n').map(line => line.trim());
    if (!lines.every(line => line === '' || KIT_LINE.test(line))) {
      return false;
    }
  }
  return true;
}

function isKitNotebook(panel) {
  const name = panel.context.path.split('/').pop();
  const marker = panel.context.model.getMetadata('exback');
  return KIT_NAMES.has(name) && !!(marker && marker.autorun === true)
    && hasKitCells(panel.context.model);
}

async function autorun(panel) {
  await panel.context.ready;
  if (panel.isDisposed || !isKitNotebook(panel)) {
    return;
  }
  await kernelReady(panel.sessionContext);
  if (panel.isDisposed) {
    return;
  }
  const notebook = panel.content;
  // runCells keeps the first cell active and the page at its top (runAll scrolls to the end).
  if (NotebookActions.runCells) {
    await NotebookActions.runCells(notebook, notebook.widgets, panel.sessionContext);
  } else {
    await NotebookActions.runAll(notebook, panel.sessionContext);
  }
}

const runner = {
  id: 'exback-kit-autorun:autorun',
  description: 'Runs a kit notebook when it is opened.',
  autoStart: true,
  requires: [INotebookTracker],
  activate: (app, tracker) => {
    tracker.widgetAdded.connect((sender, panel) => {
      autorun(panel).catch(reason => console.warn('exback-kit: autorun stopped', reason));
    });
  }
};

export default [executor, runner];
