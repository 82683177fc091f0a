/**
 * A small User-Agent reader: browser (or client program), operating system and device class. It recognises the
 * browsers, mobile platforms and HTTP libraries that show up in authentication logs; anything else keeps its first
 * product token (e.g. `NorthwindMobile/5.2.0`) so a custom app is still named.
 */

/** What a User-Agent string says about the client. */
export interface ParsedUserAgent {
  /** Browser or client program, e.g. `Chrome`, `Safari`, `curl`, `python-requests`, `NorthwindMobile`. */
  readonly browser?: string;
  readonly browserVersion?: string;
  /** e.g. `Windows`, `macOS`, `iOS`, `Android`, `Linux`, `ChromeOS`. */
  readonly os?: string;
  readonly osVersion?: string;
  /** `script` marks HTTP libraries and command-line tools: a token replayed from a script shows up as one. */
  readonly device: 'desktop' | 'mobile' | 'tablet' | 'bot' | 'script' | 'unknown';
}

const TOOLS: readonly [RegExp, string][] = [
  [/\bcurl\/([\d.]+)/i, 'curl'],
  [/\bWget\/([\d.]+)/i, 'Wget'],
  [/\bpython-requests\/([\d.]+)/i, 'python-requests'],
  [/\bpython-urllib3\/([\d.]+)/i, 'urllib3'],
  [/\bPython-urllib\/([\d.]+)/i, 'Python-urllib'],
  [/\baiohttp\/([\d.]+)/i, 'aiohttp'],
  [/\bhttpx\/([\d.]+)/i, 'httpx'],
  [/\bokhttp\/([\d.]+)/i, 'okhttp'],
  [/\bGo-http-client\/([\d.]+)/i, 'Go-http-client'],
  [/\bPostmanRuntime\/([\d.]+)/i, 'Postman'],
  [/\bInsomnia\/([\d.]+)/i, 'Insomnia'],
  [/\baxios\/([\d.]+)/i, 'axios'],
  [/\bnode-fetch\/([\d.]+)/i, 'node-fetch'],
  [/\bundici\b/i, 'undici'],
  [/\bApache-HttpClient\/([\d.]+)/i, 'Apache-HttpClient'],
  [/\bJava\/([\d._]+)/i, 'Java'],
  [/\bPowerShell\/([\d.]+)/i, 'PowerShell'],
  [/\bHTTPie\/([\d.]+)/i, 'HTTPie'],
  [/\bBoto3\/([\d.]+)/i, 'Boto3'],
  [/\baws-cli\/([\d.]+)/i, 'aws-cli'],
  [/\baws-sdk-[a-z]+\/([\d.]+)/i, 'aws-sdk'],
];

// An optional third pattern must match after the first (Safari's "Version/x … Safari/"): tested separately, since
// one pattern `Version\/([\d.]+).*\bSafari\/` backtracks quadratically.
const BROWSERS: readonly [RegExp, string, RegExp?][] = [
  [/\bEdg(?:e|A|iOS)?\/([\d.]+)/, 'Edge'],
  [/\bOPR\/([\d.]+)/, 'Opera'],
  [/\bSamsungBrowser\/([\d.]+)/, 'Samsung Internet'],
  [/\bFirefox\/([\d.]+)/, 'Firefox'],
  [/\bFxiOS\/([\d.]+)/, 'Firefox'],
  [/\bCriOS\/([\d.]+)/, 'Chrome'],
  [/\bChrome\/([\d.]+)/, 'Chrome'],
  [/\bVersion\/([\d.]+)/, 'Safari', /\bSafari\//],
  [/\bMSIE ([\d.]+)/, 'Internet Explorer'],
  [/\bTrident\/.*\brv:([\d.]+)/, 'Internet Explorer'],
];

const BOT = /\b(bot|crawler|spider|slurp|monitor|uptime|headless)\b|Googlebot|bingbot|HeadlessChrome/i;

function readOs(ua: string): { os?: string; osVersion?: string; device?: ParsedUserAgent['device'] } {
  let match: RegExpExecArray | null;
  if ((match = /\biPad\b.*?OS ([\d_]+)/.exec(ua)) || /\biPad\b/.test(ua))
    return { os: 'iPadOS', osVersion: match?.[1]?.replace(/_/g, '.'), device: 'tablet' };
  if ((match = /\b(?:iPhone|iPod)\b.*?OS ([\d_.]+)/.exec(ua)) || (match = /\biOS[ /]([\d.]+)/.exec(ua)))
    return { os: 'iOS', osVersion: match[1]!.replace(/_/g, '.'), device: 'mobile' };
  if (/\biPhone\b/.test(ua)) return { os: 'iOS', device: 'mobile' };
  if ((match = /\bAndroid[ /]?([\d.]+)?/.exec(ua)))
    return {
      os: 'Android',
      osVersion: match[1],
      device: /\bMobile\b/.test(ua) || !/Mozilla/.test(ua) ? 'mobile' : 'tablet',
    };
  if ((match = /\bWindows NT ([\d.]+)/.exec(ua)))
    return { os: 'Windows', osVersion: match[1] === '10.0' ? '10/11' : match[1], device: 'desktop' };
  if (/\bWindows\b/.test(ua)) return { os: 'Windows', device: 'desktop' };
  if ((match = /\bCrOS \S+ ([\d.]+)/.exec(ua))) return { os: 'ChromeOS', osVersion: match[1], device: 'desktop' };
  if ((match = /\bMac OS X ([\d_.]+)/.exec(ua)))
    return { os: 'macOS', osVersion: match[1]!.replace(/_/g, '.'), device: 'desktop' };
  if (/\bMacintosh\b|\bDarwin\b/.test(ua)) return { os: 'macOS', device: 'desktop' };
  if (/\bLinux\b|\bX11\b/.test(ua)) return { os: 'Linux', device: 'desktop' };
  return {};
}

/** Read a User-Agent header value. Never throws; an empty string yields `{ device: 'unknown' }`. */
export function parseUserAgent(userAgent: string): ParsedUserAgent {
  const ua = userAgent.slice(0, 1024);
  const os = readOs(ua);
  const base = { ...(os.os ? { os: os.os } : {}), ...(os.osVersion ? { osVersion: os.osVersion } : {}) };
  if (BOT.test(ua)) return { ...base, ...named(ua, /^([A-Za-z][\w.-]*)\/?([\d.]*)/, undefined), device: 'bot' };
  for (const [pattern, name] of TOOLS) {
    const match = pattern.exec(ua);
    if (match) return { ...base, browser: name, ...(match[1] ? { browserVersion: match[1] } : {}), device: 'script' };
  }
  if (/Mozilla\//.test(ua)) {
    for (const [pattern, name, after] of BROWSERS) {
      const match = pattern.exec(ua);
      if (match && (!after || after.test(ua.slice(match.index + match[0].length))))
        return { ...base, browser: name, browserVersion: match[1]!, device: os.device ?? 'unknown' };
    }
  }
  // Apps name themselves first: "NorthwindMobile/5.2.0 (iPhone; iOS 19.1)".
  return { ...base, ...named(ua, /^([A-Za-z][\w.-]*)\/([\w.-]+)/, 'Mozilla'), device: os.device ?? 'unknown' };
}

function named(ua: string, pattern: RegExp, skip: string | undefined): { browser?: string; browserVersion?: string } {
  const match = pattern.exec(ua.trim());
  if (!match || match[1] === skip) return {};
  return { browser: match[1]!, ...(match[2] ? { browserVersion: match[2] } : {}) };
}
