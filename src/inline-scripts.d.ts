/** A file of src/page-scripts/ as pages inline it, minified (pipeline/render/inline-scripts.ts). */
declare module '*?inline-script' {
  const code: string;
  export default code;
}
