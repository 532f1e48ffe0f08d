/** @type {import('next').NextConfig} */
export default {
  // This app lives inside the Sila repository: its own folder is the workspace root.
  outputFileTracingRoot: import.meta.dirname,
  // No ESLint in this fixture.
  eslint: { ignoreDuringBuilds: true },
};
