import { render, screen, fireEvent } from '@testing-library/react';
import VscodeButton from '@vscode-elements/react-elements/dist/components/VscodeButton.js';
import VscodeTabs from '@vscode-elements/react-elements/dist/components/VscodeTabs.js';
import VscodeTabHeader from '@vscode-elements/react-elements/dist/components/VscodeTabHeader.js';
import VscodeProgressBar from '@vscode-elements/react-elements/dist/components/VscodeProgressBar.js';
import VscodeBadge from '@vscode-elements/react-elements/dist/components/VscodeBadge.js';
it('button', async () => {
  let n = 0;
  render(<div><VscodeButton onClick={() => { n++; }}>Go</VscodeButton><VscodeProgressBar /><VscodeBadge>3</VscodeBadge></div>);
  const b = await screen.findByRole('button', { name: 'Go' });
  fireEvent.click(b);
  expect(n).toBe(1);
});
