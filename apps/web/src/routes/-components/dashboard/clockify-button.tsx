import { useId, type ComponentProps } from 'react';

import { useNoClockifyReason } from './use-dashboard';

/**
 * A button whose action calls Clockify: off on a workspace without a Clockify connection, saying why in its
 * title and in a hint under it (the hint also describes the button to screen readers).
 */
export function ClockifyButton({ disabled, children, ...rest }: Omit<ComponentProps<'button'>, 'type'>) {
  const refusal = useNoClockifyReason();
  const hintId = useId();

  return (
    <>
      <button
        type="button"
        {...rest}
        disabled={disabled || refusal !== null}
        title={refusal ?? rest.title}
        aria-describedby={refusal ? hintId : rest['aria-describedby']}
      >
        {children}
      </button>
      {refusal && (
        <p id={hintId} className="muted small">
          {refusal}
        </p>
      )}
    </>
  );
}
