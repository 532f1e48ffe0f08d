export interface BundleSize {
  file: string;
  min: number;
  gzip: number;
  brotli: number;
}
export function bundleSizes(dist: string): BundleSize[];
export function kB(bytes: number): string;
