// A web-test-runner server command: emulates forced colours (a Windows contrast theme).
// @web/test-runner-commands' emulateMedia drops `forcedColors` on the Chrome launcher
// (Puppeteer), so this sets it through the DevTools protocol.
export function forcedColorsPlugin() {
  // Kept open: an emulation lasts only as long as the DevTools session that set it.
  const sessions = new Map();
  return {
    name: 'forced-colors-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      if (!sessions.has(session.id)) sessions.set(session.id, await page.createCDPSession());
      const cdp = sessions.get(session.id);
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}
