/** The newest item of a list, creating one when the list is empty. */
export function newestOrCreate<T>(list: T[], create: () => T): T {
  const last = list[list.length - 1];
  if (last !== undefined) {
    return last;
  }
  const made = create();
  list.push(made);

  return made;
}

/** Removes and returns the newest item; keeps at least one seeded item around by creating a spare first. */
export function removeNewest<T>(list: T[], create: () => T): T {
  if (list.length <= 1) {
    list.push(create());
  }

  return list.pop() as T;
}
