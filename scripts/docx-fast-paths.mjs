// An esbuild plugin for the bundles that contain the `docx` library: four of its internal functions,
// rewritten at build time so that they do the same thing faster in a short process (the CLI exporting
// one draft runs them cold, before the JIT has warmed up). Measured and recorded in docs/benchmarks.md.
//
// 1. _defineProperty (every class field of every component) turned each key into a property key
//    through two more helpers; a string key is one already.
// 2. NextAttributeComponent.prepForXml built an element's attributes by spreading the object so far
//    into a new one for every attribute (through a transpiled `_objectSpread2`): a fifth of a 60-page
//    export's XML time and much of its garbage. Here: one object, one assignment per attribute
//    (same keys, same order, same values).
// 3. XmlComponent.prepForXml (every element) gathered its children through flatMap and filter, two
//    new arrays and a closure per element: one loop here, flattening one level and dropping
//    `undefined` as flatMap and filter did.
// 4. stringifyXmlable (docx's port of the `xml` package) resolves every element into an intermediate
//    record of arrays and then formats it. Without indentation (how the exporter compiles) the same
//    text is written here in one pass, keeping the package's quirks: a text child replaces the entry
//    before it, `undefined` content writes nothing, numbers and booleans are written with String(),
//    and values with nothing to escape skip the escaping replace.
// 6. A File builds its styles and its theme when it is made; the exporter takes styles.xml and
//    theme1.xml from its table of fixed parts (engine/export/fixed-parts.ts) and never formats them,
//    so both are built on first use instead (a millisecond or two of a cold export): each is a stand-in
//    that builds the real one the first time anything is asked of it and then answers for it.
//
// 5. docx carries fflate in its module, whose top level builds its Huffman and CRC tables at every load
//    (a 32768-entry loop among them: about 2 ms of a cold start). docx calls only zipSync and unzipSync of it
//    (Packer, patchDocument; the exporter zips with zlib, engine/export/zip.ts): the fflate section now runs,
//    tables and all, on the first call of either.
//
// Each rewrite names the exact text it replaces; a docx version without it fails the build, so an
// upgrade is a conscious step (compare the exported XML before and after, as docs/benchmarks.md says).
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';

const DOCX_ENTRY = /[\\/]node_modules[\\/]docx[\\/]dist[\\/]index\.mjs$/;

/** What the rewrites below add to docx's module scope. */
const ADDED_NAMES = ['lazyComponent', 'NEEDS_ESCAPE', 'escapedValue', 'attributesWritten', 'textWritten', 'writeElement', 'fflateLoaded', 'fflateOnce'];

/** Where docx's copy of fflate starts (its bundler marks each module with a comment line like this). */
const FFLATE_START = '// node_modules/fflate/esm/browser.js\n';
/** The functions of fflate the rest of docx calls. */
const FFLATE_USED = ['unzipSync', 'zipSync'];

/**
 * The fflate section of docx's module wrapped in a function run on first use (5. above). Fails the build
 * if the section is not found where expected, or if docx calls anything else of fflate.
 */
function lazyFflate(source, file) {
  const fail = (why) => {
    throw new Error(`scripts/docx-fast-paths.mjs: lazy fflate: ${why} in ${path.relative(process.cwd(), file)}; check the rewrite against this docx version`);
  };
  const start = source.indexOf(FFLATE_START);
  if (start < 0 || source.indexOf(FFLATE_START, start + 1) >= 0) fail('the fflate section was not found once');
  const end = source.indexOf('\n// ', start + FFLATE_START.length);
  if (end < 0) fail('the end of the fflate section was not found');
  const section = source.slice(start + FFLATE_START.length, end + 1);
  const outside = source.slice(0, start) + source.slice(end);
  const names = [...section.matchAll(/^(?:var|let|const|function|class)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
  for (const name of FFLATE_USED) {
    if (!new RegExp(`^function ${name}\\(`, 'm').test(section)) fail(`fflate's ${name} is not a function of the section`);
  }
  // Anything else of the section called from outside it would be out of reach inside the wrapper.
  for (const name of names.filter((n) => !FFLATE_USED.includes(n))) {
    if (new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*\\(`).test(outside.replace(/\bfunction\s+[\w$]+\s*\(/g, ''))) fail(`docx calls fflate's ${name}`);
  }
  const wrapped = `${FFLATE_START}var fflateLoaded;
/** fflate, its tables built on the first call (scripts/docx-fast-paths.mjs). */
var fflateOnce = () => fflateLoaded !== void 0 ? fflateLoaded : (fflateLoaded = (function () {
${section}return { ${FFLATE_USED.join(', ')} };
})());
${FFLATE_USED.map((name) => `function ${name}(data, opts) {\n\treturn fflateOnce().${name}(data, opts);\n}\n`).join('')}`;
  return source.slice(0, start) + wrapped + source.slice(end + 1);
}

/** How docx's File constructor builds its styles: made lazy by a rewrite below (its `to` is derived from this text). */
const STYLES_IN_CONSTRUCTOR = `		if (options.externalStyles !== void 0) {
			var _options$styles$defau, _options$styles, _options$styles2, _options$styles3;
			const given = (_options$styles$defau = (_options$styles = options.styles) === null || _options$styles === void 0 ? void 0 : _options$styles.default) !== null && _options$styles$defau !== void 0 ? _options$styles$defau : {};
			const defaultStyles = Object.entries(createDefaultStyles(given));
			const isGiven = ([key]) => given[key] !== void 0;
			const externalStyles = new ExternalStylesFactory().newInstance(options.externalStyles);
			this.styles = new Styles(_objectSpread2(_objectSpread2({}, externalStyles), {}, {
				paragraphStyles: (_options$styles2 = options.styles) === null || _options$styles2 === void 0 ? void 0 : _options$styles2.paragraphStyles,
				characterStyles: (_options$styles3 = options.styles) === null || _options$styles3 === void 0 ? void 0 : _options$styles3.characterStyles,
				importedStyles: [
					...defaultStyles.filter((entry) => !isGiven(entry)).map(([, style]) => style),
					...externalStyles.importedStyles,
					...defaultStyles.filter(isGiven).map(([, style]) => style)
				]
			}));
		} else if (options.styles) {
			const defaultStyles = new DefaultStylesFactory().newInstance(options.styles.default);
			this.styles = new Styles(_objectSpread2(_objectSpread2({}, defaultStyles), options.styles));
		} else {
			const stylesFactory = new DefaultStylesFactory();
			this.styles = new Styles(stylesFactory.newInstance());
		}
`;

const rewrites = [
  {
    what: '_defineProperty (class fields)',
    from: `return (r = toPropertyKey(r)) in e ? Object.defineProperty(e, r, {`,
    to: `return (r = typeof r === "string" ? r : toPropertyKey(r)) in e ? Object.defineProperty(e, r, {`,
  },
  {
    what: 'NextAttributeComponent.prepForXml',
    from: `return { _attr: Object.values(this.root).filter(({ value }) => value !== void 0).reduce((acc, { key, value }) => _objectSpread2(_objectSpread2({}, acc), {}, { [key]: value }), {}) };`,
    to: `const attr = {};
		for (const { key, value } of Object.values(this.root)) if (value !== void 0) attr[key] = value;
		return { _attr: attr };`,
  },
  {
    what: 'XmlComponent.prepForXml',
    from: `		context.stack.push(this);
		const children = this.root.flatMap((comp) => {
			if (isXmlComponent(comp)) {
				const parts = comp.writtenAs;
				return parts ? parts.map((part) => part.prepForXml(context)) : comp.prepForXml(context);
			}
			return comp;
		}).filter((comp) => comp !== void 0);
		context.stack.pop();`,
    to: `		context.stack.push(this);
		const children = [];
		for (const comp of this.root) {
			let written = comp;
			if (isXmlComponent(comp)) {
				const parts = comp.writtenAs;
				written = parts ? parts.map((part) => part.prepForXml(context)) : comp.prepForXml(context);
			}
			if (!Array.isArray(written)) {
				if (written !== void 0) children.push(written);
			} else for (const item of written) if (item !== void 0) children.push(item);
		}
		context.stack.pop();`,
  },
  {
    what: 'stringifyXmlable without indentation',
    from: `items.map((item, i) => format(resolve(item, indent, startDepth), indent, i === items.length - 1)).join("");`,
    to: `items.map((item, i) => indent ? format(resolve(item, indent, startDepth), indent, i === items.length - 1) : writeElement(item)).join("");`,
  },
  {
    what: 'the one-pass writer (before stringifyXmlable)',
    from: `var stringifyXmlable = (input, { indent = "", declaration } = {}) => {`,
    to: `/** escapeValue, skipping the replace (and its callback) for the many values with nothing to escape. */
var NEEDS_ESCAPE = /[&"'<>\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]/;
var escapedValue = (value) => typeof value === "string" && NEEDS_ESCAPE.test(value) ? escapeAll(value) : value;
/** An element's attributes as resolve() wrote them: \` key="value"\` each. */
var attributesWritten = (attr) => {
	let out = "";
	for (const key of Object.keys(attr)) out += " " + key + '="' + String(escapedValue(attr[key])) + '"';
	return out;
};
/** A text child as format() wrote it: nothing for undefined, String() of the rest. */
var textWritten = (value) => value === void 0 ? "" : String(value);
/**
 * resolve() and format() of one element without indentation, in one pass (scripts/docx-fast-paths.mjs).
 * resolve() gathered the content in an array where a text child replaced the entry before it; here the
 * content is one string and \`last\` is where its last entry starts.
 */
var writeElement = (data) => {
	const name = Object.keys(data)[0];
	const values = name === void 0 ? void 0 : data[name];
	let attributes = "";
	let inner = "";
	let last = 0;
	let hasContent = false;
	if (typeof values === "object") {
		if (values !== null) {
			const { _attr: attr, _cdata: cdata } = values;
			if (attr) attributes += attributesWritten(attr);
			if (cdata) {
				hasContent = true;
				last = inner.length;
				inner += \`<![CDATA[\${cdata.replace(/\\]\\]>/g, "]]]]><![CDATA[>")}]]>\`;
			}
			if (Array.isArray(values)) {
				hasContent = true;
				last = inner.length;
				for (const value of values) if (typeof value === "object") {
					if (Object.keys(value)[0] === "_attr") attributes += attributesWritten(value._attr);
					else {
						last = inner.length;
						inner += writeElement(value);
					}
				} else inner = inner.slice(0, last) + textWritten(escapedValue(value));
			}
		}
	} else {
		hasContent = true;
		inner = textWritten(escapedValue(values));
	}
	const open = (name ? "<" + name : "") + attributes;
	if (!hasContent) return open + "/>";
	return open + (name ? ">" : "") + inner + (name ? "</" + name + ">" : "");
};
var stringifyXmlable = (input, { indent = "", declaration } = {}) => {`,
  },
  {
    what: 'File: styles built on first use',
    from: STYLES_IN_CONSTRUCTOR,
    // The same branches, each returning its Styles to lazyComponent instead of setting this.styles.
    to: `\t\tthis.styles = lazyComponent(() => {\n${STYLES_IN_CONSTRUCTOR.replaceAll('this.styles = ', 'return ')}\t\t});\n`,
  },
  {
    what: 'File: theme built on first use',
    from: `		this.theme = new Theme(options.theme);`,
    to: `		this.theme = lazyComponent(() => new Theme(options.theme));`,
  },
  {
    what: 'lazyComponent (before File)',
    from: `var File = class {`,
    to: `/**
* A stand-in for a component that is made the first time anything is asked of it (scripts/docx-fast-paths.mjs, 6.):
* every property read, write and check goes to the component, methods run with the stand-in as \`this\`.
*/
var lazyComponent = (make) => {
	let made;
	const real = () => made === void 0 ? made = make() : made;
	return new Proxy({}, {
		get: (_, key, receiver) => Reflect.get(real(), key, receiver),
		set: (_, key, value, receiver) => Reflect.set(real(), key, value, receiver),
		has: (_, key) => Reflect.has(real(), key),
		deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
		ownKeys: () => Reflect.ownKeys(real()),
		getOwnPropertyDescriptor: (_, key) => {
			const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
			return descriptor === void 0 ? void 0 : { ...descriptor, configurable: true };
		},
		defineProperty: (_, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
		getPrototypeOf: () => Reflect.getPrototypeOf(real())
	});
};
var File = class {`,
  },
];

export const docxFastPaths = {
  name: 'docx-fast-paths',
  setup(build) {
    build.onLoad({ filter: DOCX_ENTRY }, async (args) => {
      let source = await readFile(args.path, 'utf8');
      // The functions added here must not meet a name of docx's own in its module scope.
      for (const name of ADDED_NAMES) {
        if (new RegExp(`\\b${name}\\b`).test(source)) throw new Error(`scripts/docx-fast-paths.mjs: docx already has a ${name}; rename the one added here`);
      }
      for (const { what, from, to } of rewrites) {
        const at = source.indexOf(from);
        if (at < 0 || source.indexOf(from, at + 1) >= 0) {
          throw new Error(`scripts/docx-fast-paths.mjs: ${what} not found once in ${path.relative(process.cwd(), args.path)}; check the rewrite against this docx version`);
        }
        source = source.slice(0, at) + to + source.slice(at + from.length);
      }
      source = lazyFflate(source, args.path);
      return { contents: source, loader: 'js' };
    });
  },
};
