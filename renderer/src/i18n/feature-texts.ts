/** The shape of a feature's texts: English, and Russian with exactly the same keys. */
export type SameShape<T> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends readonly string[]
      ? readonly string[]
      : SameShape<T[K]>;
};

export interface FeatureTexts<T> {
  en: T;
  ru: SameShape<T>;
}
