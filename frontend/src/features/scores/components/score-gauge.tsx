const RADIUS = 52;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** Today's score (0..100) as a ring; the number is the server's. */
export function ScoreGauge({ score }: { score: number }) {
  const filled = (Math.min(100, Math.max(0, score)) / 100) * CIRCUMFERENCE;
  return (
    <figure className="score-gauge">
      <svg viewBox="0 0 120 120" role="img" aria-labelledby="score-gauge-label">
        <circle className="track" cx="60" cy="60" r={RADIUS} />
        <circle
          className="fill"
          cx="60"
          cy="60"
          r={RADIUS}
          strokeDasharray={`${filled} ${CIRCUMFERENCE}`}
          transform="rotate(-90 60 60)"
        />
      </svg>
      <figcaption id="score-gauge-label">
        <span className="score-value" data-testid="today-score">
          {score}
        </span>
        <span className="score-scale">of 100 today</span>
      </figcaption>
    </figure>
  );
}
