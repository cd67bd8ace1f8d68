/** A file of src/scripts/ as pages inline it, minified (scripts/build/inline-scripts.ts). */
declare module '*?inline-script' {
  const code: string;
  export default code;
}
