import { defineConfig, type Plugin } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { parse } from "yaml";

// The UI's texts are the top-level locales/*.yml, compiled into the bundle as JSON,
// so the window needs no file access and no network to show them.
function yamlLocales(): Plugin {
  return {
    name: "kense-yaml-locales",
    transform(code, id) {
      if (!id.endsWith(".yml")) return null;
      return { code: `export default ${JSON.stringify(parse(code))};`, map: null };
    },
  };
}

export default defineConfig({
  plugins: [svelte(), yamlLocales()],
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: { target: "safari15", outDir: "dist", emptyOutDir: true },
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});
