// Preloaded into the app by the crash harness only (node --import): moves the app's wall clock
// forward by CRASH_CLOCK_OFFSET_MS. A receiving unit may issue 9,999 dossier codes a day (TT 01/2018
// Đ19), which a long run uses up in about 450 iterations; the harness starts a new "day" by
// restarting the app with a larger offset. Only `Date` moves: PostgreSQL's now() keeps real time.
const offset = Number(process.env.CRASH_CLOCK_OFFSET_MS ?? 0);
if (Number.isFinite(offset) && offset !== 0) {
  const RealDate = globalThis.Date;
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) {
        super(RealDate.now() + offset);
      } else {
        super(...args);
      }
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
}
