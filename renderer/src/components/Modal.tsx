import type { ReactNode } from 'react';
import { Dialog, Heading, Modal as AriaModal, ModalOverlay } from 'react-aria-components';

export interface ModalProps {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  children: ReactNode;
  /** 'wide' for forms with two columns (a person, a case note). */
  size?: 'normal' | 'wide';
  /** Dialogs that must be answered (a deletion) are not closed by a click outside. */
  isDismissable?: boolean;
  role?: 'dialog' | 'alertdialog';
}

/**
 * A modal dialog (react-aria): focus moves in and is trapped, Escape closes, focus returns to
 * what opened it, and the page behind is hidden from screen readers.
 */
export function Modal({
  title,
  isOpen,
  onClose,
  children,
  size = 'normal',
  isDismissable = true,
  role = 'dialog',
}: ModalProps) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      isDismissable={isDismissable}
    >
      <AriaModal className={`modal modal--${size}`}>
        <Dialog className="modal__dialog" role={role}>
          <Heading slot="title" className="modal__title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </AriaModal>
    </ModalOverlay>
  );
}
