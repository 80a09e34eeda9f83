// Prints every content problem (file and field) and each routine's length; exits 1 on any problem.
import { loadContentDir, bundledContentDir } from '../exercises/load-content';
import { formatProblem } from '../core/content/validate-content';

const content = loadContentDir(bundledContentDir);
for (const problem of content.problems) console.error(formatProblem(problem));
console.log(`${content.exercises.length} exercises, ${content.routines.length} routines, ${content.problems.length} problems`);
process.exit(content.problems.length > 0 ? 1 : 0);
