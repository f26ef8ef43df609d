/** The app's mark: a shield with a keyhole. Decorative; the name beside it is the label. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg
      viewBox="0 0 32 32"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
      className="logo"
    >
      <path
        d="M16 2.5 5 6.5v8.2c0 7 4.7 12.4 11 14.8 6.3-2.4 11-7.8 11-14.8V6.5L16 2.5Z"
        fill="currentColor"
        opacity="0.92"
      />
      <circle cx="16" cy="14" r="3.2" fill="var(--logo-cut, #fff)" />
      <path d="M14.6 16.2h2.8l.9 5.8h-4.6l.9-5.8Z" fill="var(--logo-cut, #fff)" />
    </svg>
  );
}
