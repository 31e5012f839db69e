// The theme switch: follows the system until the visitor chooses, then remembers the choice.
export function enhanceThemeToggle(): void {
  const button = document.getElementById('theme-toggle');
  if (!(button instanceof HTMLButtonElement)) return;
  const root = document.documentElement;
  const isDark = () => root.dataset['theme'] === 'dark' || (!root.dataset['theme'] && matchMedia('(prefers-color-scheme: dark)').matches);
  const render = () => {
    button.setAttribute('aria-pressed', String(isDark()));
    button.textContent = 'Dark theme';
  };
  button.hidden = false;
  render();
  button.addEventListener('click', () => {
    root.dataset['theme'] = isDark() ? 'light' : 'dark';
    try {
      localStorage.setItem('ofm-theme', root.dataset['theme']);
    } catch {
      // Private browsing: the choice lasts for this page only.
    }
    render();
  });
}
