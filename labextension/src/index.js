// exback-kit's JupyterLab extension: nothing to learn before the first check-in.
//
// 1. A kit notebook (metadata "exback": {"autorun": true}) runs all its cells once its
//    kernel is ready, so opening it shows the forms without touching a menu.
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

function isKitNotebook(panel) {
  const marker = panel.context.model.getMetadata('exback');
  return !!(marker && marker.autorun === true);
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
