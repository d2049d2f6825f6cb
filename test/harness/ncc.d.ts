// The part of @vercel/ncc's programmatic API the tests use (the package ships no types).
declare module '@vercel/ncc' {
  interface NccOptions {
    cache?: boolean | string;
    quiet?: boolean;
    minify?: boolean;
    sourceMap?: boolean;
    target?: string;
    license?: string;
  }
  interface NccAsset {
    source: string | Buffer;
    permissions?: number;
  }
  export default function ncc(
    entry: string,
    options?: NccOptions,
  ): Promise<{ code: string; map?: string; assets: Record<string, NccAsset> }>;
}
