// Who co-delivers with whom: functions on a circle, a line per link, thicker for a heavier weight.
// Clicking two functions proposes a link between them in the form beside the graph.
import type { BusinessFunction, Interaction } from '../api/types';

interface LinkGraphProps {
  functions: readonly BusinessFunction[];
  interactions: readonly Interaction[];
  /** The function picked first (highlighted), waiting for the second. */
  picked: string | null;
  onPick?: (functionId: string) => void;
}

const width = 560;
const height = 340;
const radius = 18;

export function LinkGraph({ functions, interactions, picked, onPick }: LinkGraphProps) {
  const positions = new Map(
    functions.map((businessFunction, index) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * index) / Math.max(functions.length, 1);
      return [
        businessFunction.id,
        {
          x: width / 2 + (width / 2 - 110) * Math.cos(angle),
          y: height / 2 + (height / 2 - 44) * Math.sin(angle),
        },
      ];
    }),
  );
  const heaviest = Math.max(1, ...interactions.map((link) => link.weight));
  const names = new Map(functions.map((businessFunction) => [businessFunction.id, businessFunction.name]));
  const summary =
    interactions.length === 0
      ? 'No links yet.'
      : interactions
          .map(
            (link) =>
              `${names.get(link.from) ?? link.from} with ${names.get(link.to) ?? link.to} (weight ${link.weight})`,
          )
          .join('; ');

  return (
    <svg
      class="link-graph"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`Links between functions: ${summary}`}
      data-testid="link-graph"
    >
      {interactions.map((link) => {
        const from = positions.get(link.from);
        const to = positions.get(link.to);
        if (!from || !to) return null;
        return (
          <g key={`${link.from}:${link.to}`} class="link-graph__link" data-link={`${link.from}:${link.to}`}>
            <line
              x1={from.x}
              y1={from.y}
              x2={to.x}
              y2={to.y}
              stroke-width={1.5 + (4 * link.weight) / heaviest}
            />
            {/* At 40% of the way, so the weights of two crossing links do not overlap. */}
            <text
              x={from.x + (to.x - from.x) * 0.4}
              y={from.y + (to.y - from.y) * 0.4 - 6}
              class="link-graph__weight"
            >
              {link.weight}
            </text>
          </g>
        );
      })}
      {functions.map((businessFunction) => {
        const position = positions.get(businessFunction.id);
        if (!position) return null;
        const className = [
          'link-graph__node',
          businessFunction.customerFacing ? 'link-graph__node--facing' : '',
          businessFunction.partner ? 'link-graph__node--partner' : '',
          picked === businessFunction.id ? 'link-graph__node--picked' : '',
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <g
            key={businessFunction.id}
            class={className}
            data-node={businessFunction.id}
            onClick={() => {
              onPick?.(businessFunction.id);
            }}
          >
            <circle cx={position.x} cy={position.y} r={radius} />
            <text x={position.x} y={position.y + radius + 16} class="link-graph__label">
              {businessFunction.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
