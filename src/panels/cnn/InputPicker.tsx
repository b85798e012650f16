/**
 * Choosing the input without a pointer (a digit, another handwriting of it) and the drawing's
 * buttons (clear, back to the example). Picking a digit drops the drawing.
 */
import { Select } from '../../lib/controls/Select';
import { DIGITS, type CnnParams } from './params';
import { store } from './store';
import { clearDrawing, type InputImage } from './useInputImage';

export function InputPicker({ params, image }: { params: CnnParams; image: InputImage }) {
  const set = store.getState();
  const spec = store.schema.digit;
  return (
    <div className="cnn-picker">
      <Select
        label={spec.label}
        value={params.digit}
        options={DIGITS}
        optionLabels={spec.optionLabels}
        onChange={(d) => set.setMany({ digit: d, img: '' })}
        testId="ctl-digit"
      />
      <div className="cnn-buttons" role="group" aria-label="Input image">
        <button type="button" data-testid="next-variant" onClick={() => set.setMany({ variant: (params.variant % store.schema.variant.max) + 1, img: '' })}>
          Another handwriting
        </button>
        <button type="button" data-testid="clean-digit" disabled={!image.drawn && params.variant === 0} onClick={() => set.setMany({ variant: 0, img: '' })}>
          Clean digit
        </button>
        <button type="button" data-testid="clear-drawing" onClick={clearDrawing}>
          Clear to draw
        </button>
      </div>
      <p className="ctl-help">
        Showing <strong data-testid="input-name">{image.name}</strong>. Draw on the image with a mouse, pen or finger.
      </p>
    </div>
  );
}
