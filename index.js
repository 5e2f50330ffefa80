// The package as n8n loads it: every node and credential class that package.json's "n8n" field names, required
// from the built files. Tests and the dev tools use it to check that what ships is what n8n will find.
// (Not shipped: npm publishes dist/ only, and n8n reads package.json, not this file.)
const path = require('node:path');
const pkg = require('./package.json');

function load(files) {
	return files.map((file) => {
		const exports = require(path.join(__dirname, file));
		const [className] = path.basename(file).split('.');
		const Type = exports[className];
		if (typeof Type !== 'function') throw new Error(`${file} does not export class ${className}`);
		return { file, className, instance: new Type() };
	});
}

module.exports = {
	packageName: pkg.name,
	loadNodes: () => load(pkg.n8n.nodes),
	loadCredentials: () => load(pkg.n8n.credentials),
};
