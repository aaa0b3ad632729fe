// Tests read JSON bodies of many shapes; `any` here keeps the assertions readable.
declare global {
  interface Response {
    json(): Promise<any>;
  }
}
export {};
