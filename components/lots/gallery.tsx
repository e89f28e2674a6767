import { useTranslations } from 'next-intl';

/**
 * Images side by side in a horizontal scroller with snap points: swiped with a finger, no
 * hover and no script needed. The video, if any, follows as the last slide.
 */
export function Gallery({ images, videoUrl, title }: { images: string[]; videoUrl: string | null; title: string }) {
  const t = useTranslations('lotPage');
  const slides = images.length + (videoUrl ? 1 : 0);
  return (
    <div className="relative -mx-4 sm:mx-0" data-testid="gallery">
      <div className="flex snap-x snap-mandatory overflow-x-auto overscroll-x-contain bg-stone-100 sm:rounded-2xl [scrollbar-width:none]">
        {images.map((url, index) => (
          // eslint-disable-next-line @next/next/no-img-element -- uploads are served as they are; a plain img keeps the client bundle small
          <img
            key={url}
            src={url}
            alt={t('imageAlt', { title, index: index + 1, total: slides })}
            loading={index === 0 ? 'eager' : 'lazy'}
            className="aspect-square w-full shrink-0 snap-center object-cover"
          />
        ))}
        {videoUrl && (
          <video
            src={videoUrl}
            controls
            playsInline
            preload="none"
            className="aspect-square w-full shrink-0 snap-center bg-black object-contain"
          />
        )}
        {slides === 0 && <div className="aspect-square w-full shrink-0" />}
      </div>
      {slides > 1 && (
        <p className="pointer-events-none absolute bottom-2 right-6 rounded-full bg-black/50 px-2 py-0.5 text-xs text-white sm:right-2">
          {t('swipeHint', { total: slides })}
        </p>
      )}
    </div>
  );
}
