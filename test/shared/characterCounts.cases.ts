// How many characters PinBridge counts in a text (code points, as pydantic's len()): one table for both sides, the
// node's helper (nodes/shared/values.ts) and the emulator's validation (test/emulator/validate.ts).
export const CHARACTER_COUNTS: Array<[string, number]> = [
	['', 0],
	['A lamp', 6],
	['😀', 1], // one emoji: 2 UTF-16 units
	['😀'.repeat(60), 60],
	['👍🏽', 2], // emoji + skin-tone modifier: two code points (pydantic does not count graphemes)
	['e\u0301', 2], // e + combining acute accent: two code points
	['\u00e9', 1], // é precomposed
	['日本語', 3],
	['𝔘𝔫𝔦', 3], // mathematical letters outside the BMP
];
