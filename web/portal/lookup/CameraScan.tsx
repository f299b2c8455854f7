// R38: QR scan with the kiosk's camera where the browser can (BarcodeDetector, e.g. Chrome on Android
// and ChromeOS kiosks). The receipt's QR holds the lookup link; its ?ma= code is looked up. Browsers
// without it show nothing: a hand-held scanner that types like a keyboard works in the code field.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = new (options: { formats: string[] }) => BarcodeDetectorLike;

const detectorClass = (): BarcodeDetectorCtor | undefined =>
  (window as unknown as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;

/** The dossier code in a scanned text: the lookup link's ?ma= or the bare code. */
export function codeFromScan(text: string): string {
  try {
    return new URL(text).searchParams.get('ma') ?? text;
  } catch {
    return text;
  }
}

export function CameraScan({ onCode }: { onCode: (code: string) => void }) {
  const { m } = useI18n();
  const [active, setActive] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const Detector = detectorClass();

  useEffect(() => {
    if (!active || !Detector) {
      return;
    }
    let stream: MediaStream | null = null;
    let timer = 0;
    let live = true;
    const detector = new Detector({ formats: ['qr_code'] });
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: 'user' } })
      .then(async (s) => {
        stream = s;
        if (!video.current || !live) {
          return;
        }
        video.current.srcObject = s;
        await video.current.play();
        timer = window.setInterval(async () => {
          if (!video.current) {
            return;
          }
          const [found] = await detector.detect(video.current).catch(() => []);
          if (found && live) {
            setActive(false);
            onCode(codeFromScan(found.rawValue));
          }
        }, 300);
      })
      .catch(() => setActive(false));
    return () => {
      live = false;
      window.clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) {
        track.stop();
      }
    };
  }, [active, Detector, onCode]);

  if (!Detector || !navigator.mediaDevices) {
    return null;
  }
  return (
    <div className="kiosk-camera">
      <button type="button" className="button" onClick={() => setActive((a) => !a)}>
        {active ? m.lookup.kioskCameraStop : m.lookup.kioskCamera}
      </button>
      {active ? <video ref={video} muted playsInline aria-label={m.lookup.kioskCamera} /> : null}
    </div>
  );
}
