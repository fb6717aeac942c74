import { InvalidArgumentError } from 'commander';

/** A commander option parser for whole numbers of at least `min`. */
export const integer = (min: number) => (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new InvalidArgumentError(`expected an integer >= ${min}`);
  return number;
};
