// Tests read JSON bodies of many shapes; `any` here keeps the assertions readable.
declare global {
  interface Response {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    json(): Promise<any>;
  }
}
export {};
