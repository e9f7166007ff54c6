/** `npm run docs:config`: writes docs/configuration.md from the configuration schema. */
import { writeFileSync } from 'node:fs';
import { renderConfigurationDoc } from '../src/server/platform/config/doc.ts';

const file = new URL('../docs/configuration.md', import.meta.url);
writeFileSync(file, renderConfigurationDoc());
console.log(`wrote ${file.pathname}`);
