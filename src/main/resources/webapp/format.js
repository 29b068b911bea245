// Figures as people read them. Money arrives as integer cents and is formatted with BigInt: no float
// arithmetic ever touches an amount. Rates arrive as decimal strings ("0.0432") and are scaled exactly.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Integer cents (a JSON number, which the API keeps within 2^53, or a BigInt) as a BigInt; null stays null. */
export function cents(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  throw new Error('not an amount in cents: ' + v);
}

function groups(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 475897825 → "$4,758,978.25"; negative amounts with a minus sign: "-$1,200.00". */
export function dollars(v) {
  const c = cents(v);
  if (c === null) return '—';
  const neg = c < 0n;
  const abs = neg ? -c : c;
  const whole = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return (neg ? '-' : '') + '$' + groups(whole.toString()) + '.' + frac;
}

/** A whole count with separators: 4800 → "4,800". */
export function count(n) {
  if (n === null || n === undefined) return '—';
  return groups(BigInt(n).toString().replace('-', '')).replace(/^/, BigInt(n) < 0n ? '-' : '');
}

/** A decimal string as a scaled BigInt: "0.0432" → {value: 432n, scale: 4}. */
export function decimal(s) {
  if (s === null || s === undefined) return null;
  const str = String(s).trim();
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(str);
  if (!m) throw new Error('not a decimal: ' + s);
  let digits = (m[2] || '0') + (m[3] || '');
  let scale = (m[3] || '').length - (m[4] ? parseInt(m[4], 10) : 0);
  if (scale < 0) { digits += '0'.repeat(-scale); scale = 0; }
  const value = BigInt(digits) * (m[1] === '-' ? -1n : 1n);
  return { value, scale };
}

/** Rounds n / d half away from zero (d > 0). */
function divRound(n, d) {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = (2n * a + d) / (2n * d);
  return neg ? -q : q;
}

/** A rate as a percentage: "0.0432" → "4.3%" (places decimals, half away from zero). */
export function percent(s, places = 1) {
  const d = decimal(s);
  if (d === null) return '—';
  const p = BigInt(places);
  const scaled = divRound(d.value * 100n * 10n ** p, 10n ** BigInt(d.scale)); // percent × 10^places
  const neg = scaled < 0n;
  const abs = neg ? -scaled : scaled;
  const unit = 10n ** p;
  const whole = (abs / unit).toString();
  const frac = places > 0 ? '.' + (abs % unit).toString().padStart(places, '0') : '';
  return (neg ? '-' : '') + whole + frac + '%';
}

/** ceil(rate × n) and floor(rate × n), exactly, for a decimal-string rate and a whole n ≥ 0. */
export function ceilTimes(s, n) {
  const d = decimal(s);
  const den = 10n ** BigInt(d.scale);
  const num = d.value * BigInt(n);
  return num >= 0n ? (num + den - 1n) / den : -((-num) / den);
}
export function floorTimes(s, n) {
  const d = decimal(s);
  const den = 10n ** BigInt(d.scale);
  const num = d.value * BigInt(n);
  return num >= 0n ? num / den : -((-num + den - 1n) / den);
}

/** "2024-03-31" → "Mar 31, 2024" (read as a calendar date: no time zone can shift it). */
export function date(iso) {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return String(iso);
  return MONTHS[parseInt(m[2], 10) - 1] + ' ' + parseInt(m[3], 10) + ', ' + m[1];
}

/** "2024-03" → "Mar 2024". */
export function month(ym) {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  return m ? MONTHS[parseInt(m[2], 10) - 1] + ' ' + m[1] : String(ym);
}

/** "2024-03" → "Mar". */
export function monthShort(ym) {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  return m ? MONTHS[parseInt(m[2], 10) - 1] : String(ym);
}

/** The months of [start, end] as "YYYY-MM". */
export function monthsBetween(startIso, endIso) {
  const out = [];
  let y = parseInt(startIso.slice(0, 4), 10);
  let mo = parseInt(startIso.slice(5, 7), 10);
  const ey = parseInt(endIso.slice(0, 4), 10);
  const em = parseInt(endIso.slice(5, 7), 10);
  while (y < ey || (y === ey && mo <= em)) {
    out.push(y + '-' + String(mo).padStart(2, '0'));
    mo++;
    if (mo > 12) { mo = 1; y++; }
  }
  return out;
}

/** A payout or statement word as a label: "nothing_due" → "Nothing due", "INTERIM" → "Interim". */
export function label(word) {
  if (!word) return '';
  const s = String(word).replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
