// Seeded PRNG (mulberry32). Separate streams keep entity ids independent of request ids and fault dice.

export class Rng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0 || 0x9e3779b9;
	}

	u32(): number {
		let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return (t ^ (t >>> 14)) >>> 0;
	}

	/** uniform float in [0, 1) */
	next(): number {
		return this.u32() / 4294967296;
	}

	hex(bytes: number): string {
		let out = '';
		for (let i = 0; i < bytes; i += 4) out += this.u32().toString(16).padStart(8, '0');
		return out.slice(0, bytes * 2);
	}

	/** RFC 4122 version-4 shaped UUID */
	uuid(): string {
		const h = this.hex(16).split('');
		h[12] = '4';
		h[16] = '89ab'[parseInt(h[16], 16) & 3];
		const s = h.join('');
		return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
	}

	/** numeric string of `len` digits, no leading zero (Pinterest ids) */
	digits(len: number): string {
		let out = String(1 + (this.u32() % 9));
		while (out.length < len) out += String(this.u32() % 10);
		return out;
	}
}

export class RngStreams {
	readonly ids: Rng;
	readonly requests: Rng;
	readonly faults: Rng;
	readonly secrets: Rng;

	constructor(seed: number) {
		this.ids = new Rng(seed);
		this.requests = new Rng(seed ^ 0x5bd1e995);
		this.faults = new Rng(seed ^ 0x27d4eb2f);
		this.secrets = new Rng(seed ^ 0x165667b1);
	}
}
