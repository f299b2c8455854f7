// R37: the checkboxes for the channels an applicant wants to be told on, shared by the portal's
// submission wizard and the desk's walk-in form (each passes its own texts, order and ids).
export type NotifyChannel = 'sms' | 'email' | 'chat';

export function ChannelChoice(props: {
  id: string;
  legend: string;
  hint: string;
  labels: Record<NotifyChannel, string>;
  /** Display order; a ticked list keeps this order too. */
  channels: NotifyChannel[];
  chosen: NotifyChannel[];
  onChange: (next: NotifyChannel[]) => void;
}) {
  return (
    <fieldset className="field" id={props.id}>
      <legend>{props.legend}</legend>
      <p className="hint">{props.hint}</p>
      {props.channels.map((channel) => (
        <div className="intake-radio" key={channel}>
          <input
            type="checkbox"
            id={`${props.id}-${channel}`}
            checked={props.chosen.includes(channel)}
            onChange={(event) =>
              props.onChange(
                event.target.checked
                  ? props.channels.filter((c) => c === channel || props.chosen.includes(c))
                  : props.chosen.filter((c) => c !== channel),
              )
            }
          />
          <label htmlFor={`${props.id}-${channel}`}>{props.labels[channel]}</label>
        </div>
      ))}
    </fieldset>
  );
}
