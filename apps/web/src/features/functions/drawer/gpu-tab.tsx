import { formatMemory } from '../../../lib/format.ts';
import type { FunctionView, Meta } from '../api/types.ts';
import { Empty, FieldList, Mono, Section } from './field-list.tsx';

/** GPU type with its card and memory (from the BFF's catalogue), and the GPU memory assigned. */
export function GpuTab({ fn, catalog }: { fn: FunctionView; catalog: Meta['gpuCatalog'] }) {
  const gpu = fn.gpuConfig;
  if (!gpu?.gpuType) return <Empty>No GPU configured.</Empty>;
  const card = catalog.find((c) => c.type === gpu.gpuType);
  return (
    <Section title="GPU">
      <FieldList
        fields={[
          ['GPU type', <Mono key="t">{gpu.gpuType}</Mono>],
          ['Card', card ? `${card.card}, ${card.memoryGb} GB` : 'Unknown to this version of FC Fleet'],
          ['GPU memory assigned', formatMemory(gpu.gpuMemorySize)],
          [
            'Share of the card',
            card && gpu.gpuMemorySize
              ? `${Math.round((gpu.gpuMemorySize / 1024 / card.memoryGb) * 100)} %`
              : '',
          ],
        ]}
      />
    </Section>
  );
}
