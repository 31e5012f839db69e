// The theme switch: follows the system until the visitor chooses, then remembers the choice.
export function enhanceThemeToggle(): void {
  const button = document.getElementById('theme-toggle');
  if (!(button instanceof HTMLButtonElement)) return;
  const root = document.documentElement;
  const isDark = () => root.dataset['theme'] === 'dark' || (!root.dataset['theme'] && matchMedia('(prefers-color-scheme: dark)').matches);
  const render = () => {
    // The button says what it does: a label that stays the same while pressed reads as a state.
    button.textContent = isDark() ? 'Light theme' : 'Dark theme';
    button.setAttribute('aria-label', isDark() ? 'Switch to the light theme' : 'Switch to the dark theme');
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
