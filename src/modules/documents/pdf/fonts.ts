// Tinos (Times New Roman metrics, the usual face of Vietnamese administrative documents, NĐ 30/2020
// Phụ lục I) from npm, embedded as CID subsets so every Vietnamese letter renders (stack probe §2).
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FILES: Record<FontStyle, string> = {
  regular: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
  italic: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

let cache: Record<FontStyle, Buffer> | undefined;

/** The four Tinos faces as buffers, read once per process. */
export function tinosFonts(): Record<FontStyle, Buffer> {
  cache ??= {
    regular: fs.readFileSync(require.resolve(FILES.regular)),
    bold: fs.readFileSync(require.resolve(FILES.bold)),
    italic: fs.readFileSync(require.resolve(FILES.italic)),
    boldItalic: fs.readFileSync(require.resolve(FILES.boldItalic)),
  };
  return cache;
}
