import { describe, expect, it } from 'vitest';
import { ChengzhenError, escapeControl, formatIssues } from '../src/errors.js';
import { LIMITS } from '../src/limits.js';
import { parseScenario } from '../src/schema/scenario.js';
import { thrownBy } from './helpers/errors.js';
import { validScenario } from './reliability/badInputCases.js';

describe('ChengzhenError: terminal control characters are escaped in every message', () => {
  it('escapeControl(text) writes ESC, CR, BEL, backspace, newline and bidi overrides as \\uXXXX', () => {
    expect(escapeControl('a\u001b[2Jb\r\u0007\b\n\u202e\u009b')).toBe('a\\u001b[2Jb\\u000d\\u0007\\u0008\\u000a\\u202e\\u009b');
    expect(escapeControl('山东 ok')).toBe('山东 ok');
  });

  it('an unknown key holding an escape sequence prints no raw control character', () => {
    const doc = { ...validScenario(), '\u001b[2J\u001b[Hfake: ok': 1 } as Record<string, unknown>;
    const error = thrownBy(() => parseScenario(doc));
    expect(error.message).toBe('\\u001b[2J\\u001b[Hfake: ok is not a known field');
    expect(error.issues[0].received).toBe('\\u001b[2J\\u001b[Hfake: ok');
    // eslint-disable-next-line no-control-regex
    expect(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(error.message)).toBe(false);
  });

  it('a region id with control characters is escaped where a base names it', () => {
    const doc = validScenario() as Record<string, any>;
    doc.base['x\u001b]0;owned\u0007'] = doc.base.inland;
    const error = thrownBy(() => parseScenario(doc));
    expect(error.issues.map((i) => i.message).join('\n')).toContain('\\u001b]0;owned\\u0007');
    expect(error.message.includes('\u001b')).toBe(false);
  });

  it('a summary given to the constructor is escaped line by line and issues are capped at LIMITS.maxIssues', () => {
    const issues = Array.from({ length: 150 }, (_, i) => ({ code: 'invalid_value' as const, path: [i], message: `bad\r${i}` }));
    const error = new ChengzhenError(issues, 'first\u001b\nsecond');
    expect(error.message).toBe('first\\u001b\nsecond');
    expect(error.issues.length).toBe(LIMITS.maxIssues);
    expect(formatIssues(error.issues).split('\n')[0]).toBe('bad\\u000d0');
  });
});
