/**
 * A note's markdown, rendered safely: raw HTML is shown as the text it is (never parsed, so
 * `<img onerror=…>` is harmless), links are plain text with their address (nothing in a note
 * ever navigates or fetches), and images are never loaded — only named. No HTML strings are
 * built anywhere: react-markdown produces React elements.
 */
import Markdown, { type Components } from 'react-markdown';
import { useTranslation } from 'react-i18next';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/** A remark plugin: every raw HTML node becomes a text node with the same characters. */
function htmlAsText() {
  const walk = (node: MdNode) => {
    if (node.type === 'html') node.type = 'text';
    node.children?.forEach(walk);
  };
  return (tree: MdNode) => {
    walk(tree);
  };
}

const PLUGINS = [htmlAsText];

function textOf(children: unknown): string {
  if (typeof children === 'string') return children;
  if (Array.isArray(children)) return children.map(textOf).join('');
  return '';
}

export function MarkdownBody({ text, className }: { text: string; className?: string }) {
  const { t } = useTranslation();
  const components: Components = {
    a: ({ children, href }) => {
      const url = href ?? '';
      const shown = textOf(children);
      return (
        <span className="md-link">
          {children}
          {url !== '' && url !== shown && url !== `mailto:${shown}` ? (
            <span className="md-link__url"> ({t('ui.notes.link', { url })})</span>
          ) : null}
        </span>
      );
    },
    img: ({ alt }) => (
      <span className="md-image">
        [{alt ? t('ui.notes.image', { alt }) : t('ui.notes.imageNoAlt')}]
      </span>
    ),
    // Headings inside a note sit below the card's own heading.
    h1: ({ children }) => <p className="md-heading">{children}</p>,
    h2: ({ children }) => <p className="md-heading">{children}</p>,
    h3: ({ children }) => <p className="md-heading">{children}</p>,
    h4: ({ children }) => <p className="md-heading">{children}</p>,
    h5: ({ children }) => <p className="md-heading">{children}</p>,
    h6: ({ children }) => <p className="md-heading">{children}</p>,
  };
  return (
    <div className={`markdown ${className ?? ''}`}>
      <Markdown remarkPlugins={PLUGINS} components={components}>
        {text}
      </Markdown>
    </div>
  );
}
