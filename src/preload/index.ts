// The narrow bridge: one named verb per contract method plus an event subscription. The renderer
// never sees ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'claimdesk',
  buildBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args), ipcRenderer),
);
