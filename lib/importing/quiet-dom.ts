import { JSDOM, VirtualConsole, type ConstructorOptions } from 'jsdom';

/**
 * A jsdom window for parsing untrusted HTML that never writes to the server's log. jsdom's default console
 * prints every stylesheet it cannot parse ("Could not parse CSS stylesheet"), which let any paste or imported
 * page flood the log; nothing in these documents runs, so their console has nothing worth keeping.
 */
export function quietDom(html: string, options: Omit<ConstructorOptions, 'virtualConsole'> = {}): JSDOM {
  return new JSDOM(html, { ...options, virtualConsole: new VirtualConsole() });
}
