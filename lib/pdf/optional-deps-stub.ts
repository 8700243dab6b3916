/**
 * jsPDF imports html2canvas, canvg and DOMPurify lazily for `.html()` and SVG, which Hirebridge never uses (it
 * draws text and vectors). The build points those imports here, so ~1 MB of them stays out of the worker.
 */
const unavailable = () => {
  throw new Error('Not bundled in Hirebridge: jsPDF html()/SVG rendering is unused.');
};
export default unavailable;
export const Canvg = { fromString: unavailable };
export const sanitize = unavailable;
