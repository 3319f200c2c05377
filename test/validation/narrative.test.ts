import { describe, expect, it } from 'vitest';
import { checkNarrativeXhtml } from '../../src/validation/xhtml.js';
import { errorsOf, projectValidator } from './helpers.js';

const validator = projectValidator();

function withDiv(div: string): Record<string, unknown> {
  return { resourceType: 'Patient', text: { status: 'generated', div } };
}

describe('narrative XHTML', () => {
  it('accepts the allowed subset of XHTML', () => {
    expect(checkNarrativeXhtml('<div xmlns="http://www.w3.org/1999/xhtml"><p class="x">山田 <b>太郎</b><br/></p><table><tr><td>1</td></tr></table><a href="http://example.org">link</a></div>')).toEqual([]);
  });

  it('rejects scripts, event attributes, javascript URLs, forms, and a missing namespace', () => {
    // Content outside the allowed subset also fails txt-1, reported as the Java validator does.
    const txt1 = { severity: 'error', code: 'invariant', expression: 'Patient.text.div', diagnostics: expect.stringMatching(/^Constraint failed: txt-1: 'The narrative SHALL contain only the basic html/) };
    expect(errorsOf(validator.validate(withDiv('<div xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></div>')))).toEqual([
      { severity: 'error', code: 'value', expression: 'Patient.text.div', diagnostics: "Illegal element name in the XHTML ('script')" },
      txt1,
    ]);
    expect(errorsOf(validator.validate(withDiv('<div xmlns="http://www.w3.org/1999/xhtml"><img src="x.png" onerror="alert(1)"/></div>')))).toEqual([
      { severity: 'error', code: 'value', expression: 'Patient.text.div', diagnostics: "Illegal attribute name in the XHTML ('onerror' on 'img')" },
      txt1,
    ]);
    // A malformed narrative is not a txt-1 failure.
    expect(errorsOf(validator.validate(withDiv('<div xmlns="http://www.w3.org/1999/xhtml"><p>open</div>'))).map((issue) => issue.code)).toEqual(['value', 'value']);
    expect(checkNarrativeXhtml('<div xmlns="http://www.w3.org/1999/xhtml"><a href="javascript:alert(1)">x</a></div>').map((p) => p.message)).toEqual([
      "Script URL is not allowed in the XHTML ('href' on 'a')",
    ]);
    expect(checkNarrativeXhtml('<div xmlns="http://www.w3.org/1999/xhtml"><form><input/></form></div>').map((p) => p.message)).toEqual([
      "Illegal element name in the XHTML ('form')",
      "Illegal element name in the XHTML ('input')",
    ]);
    expect(checkNarrativeXhtml('<div>text</div>').map((p) => p.message)).toEqual(['Wrong namespace on the XHTML (must be http://www.w3.org/1999/xhtml)']);
  });

  it('rejects markup that is not well-formed or not rooted in a div', () => {
    expect(checkNarrativeXhtml('<div xmlns="http://www.w3.org/1999/xhtml"><p>open</div>').map((p) => p.message)).toEqual([
      'Narrative is not well-formed: unexpected </div>',
      'Narrative is not well-formed: <div> is not closed',
    ]);
    expect(checkNarrativeXhtml('plain text').map((p) => p.message)).toEqual(['The narrative div is not XHTML (no root div element)']);
    // Only the XML entities exist without a DTD; numeric references are fine.
    expect(checkNarrativeXhtml('<div xmlns="http://www.w3.org/1999/xhtml">&lt;&amp;&#160;&#xA9;&reg;&nbsp;</div>').map((p) => p.message)).toEqual([
      "Invalid entity in the XHTML ('&reg;')",
      "Invalid entity in the XHTML ('&nbsp;')",
    ]);
    expect(checkNarrativeXhtml('<p xmlns="http://www.w3.org/1999/xhtml">x</p>').map((p) => p.message)).toEqual(["Wrong name on the xhtml div: 'p'"]);
  });
});
