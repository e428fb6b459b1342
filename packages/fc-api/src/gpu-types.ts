/** A GPU type FC offers, with the card behind it. */
export interface GpuTypeInfo {
  type: string;
  card: string;
  memoryGb: number;
}

/** GPU types known at the time of writing; the set is open, so unknown types must still display. */
export const GPU_TYPES: readonly GpuTypeInfo[] = [
  { type: 'fc.gpu.tesla.1', card: 'NVIDIA T4', memoryGb: 16 },
  { type: 'fc.gpu.ampere.1', card: 'NVIDIA A10', memoryGb: 24 },
  { type: 'fc.gpu.ada.1', card: 'NVIDIA Ada (48 GB)', memoryGb: 48 },
  { type: 'fc.gpu.ada.2', card: 'NVIDIA Ada (24 GB)', memoryGb: 24 },
  { type: 'fc.gpu.ada.3', card: 'NVIDIA Ada (48 GB)', memoryGb: 48 },
  { type: 'fc.gpu.hopper.1', card: 'NVIDIA Hopper', memoryGb: 96 },
  { type: 'fc.gpu.xpu.1', card: 'XPU', memoryGb: 96 },
];
