import { ref } from 'vue';
import { useLibraryStore } from '../stores/library';

/** Loads the routine library once for any screen that needs it, keeping the error to show. */
export function useLibrary() {
  const library = useLibraryStore();
  const loadError = ref<string | null>(null);
  const ready = library.load().catch((error: unknown) => {
    loadError.value = `The routine library could not be loaded: ${(error as Error).message}`;
  });
  return { library, loadError, ready };
}
