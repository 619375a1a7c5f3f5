// A persistent map that is cheap to extend one entry at a time. Folding a stream copied its Map
// on every event to keep states immutable: O(entries) per event, so an assessment with thousands
// of ratings paid thousands of copies per answer. Here every version shares one Map; the version
// that holds it is the root, and each other version records the few changes that lead from its
// neighbour to itself. Extending the root is O(changes); reading an older version first moves the
// root to it (O(changes between the two), Baker's "rerooting"), so every version still reads as
// exactly what it was, and callers see an ordinary ReadonlyMap.

type Change<Key, Value> = readonly [key: Key, value: Value | undefined];

type Node<Key, Value> =
  | { kind: 'root'; map: Map<Key, Value> }
  | {
      kind: 'diff';
      /** The neighbour, one step nearer the root. */
      next: PersistentMap<Key, Value>;
      /** Applied to the neighbour's entries from the last to the first, they give this version's. */
      changes: Change<Key, Value>[];
    };

export class PersistentMap<Key, Value> implements ReadonlyMap<Key, Value> {
  private node: Node<Key, Value>;

  constructor(entries: Iterable<readonly [Key, Value]> = []) {
    this.node = { kind: 'root', map: new Map(entries) };
  }

  /** A new version with the entries set; this one stays as it was. */
  withEntries(entries: Iterable<readonly [Key, Value]>): PersistentMap<Key, Value> {
    const map = this.reroot();
    const successor = Object.create(PersistentMap.prototype) as PersistentMap<Key, Value>;
    successor.node = { kind: 'root', map };
    const undo: Change<Key, Value>[] = [];
    for (const [key, value] of entries) {
      undo.push([key, map.get(key)]);
      map.set(key, value);
    }
    // A key set anew had no value here: undoing deletes it, so the iteration order stays the order
    // in which the keys first arrived along this version's history.
    this.node = { kind: 'diff', next: successor, changes: undo };
    return successor;
  }

  get size(): number {
    return this.reroot().size;
  }

  get(key: Key): Value | undefined {
    return this.reroot().get(key);
  }

  has(key: Key): boolean {
    return this.reroot().has(key);
  }

  forEach(
    callback: (value: Value, key: Key, map: ReadonlyMap<Key, Value>) => void,
    thisArgument?: unknown,
  ): void {
    for (const [key, value] of this.entries()) callback.call(thisArgument, value, key, this);
  }

  // Iterators take a snapshot: another version read meanwhile moves the shared Map.
  entries(): MapIterator<[Key, Value]> {
    return [...this.reroot().entries()][Symbol.iterator]();
  }

  keys(): MapIterator<Key> {
    return [...this.reroot().keys()][Symbol.iterator]();
  }

  values(): MapIterator<Value> {
    return [...this.reroot().values()][Symbol.iterator]();
  }

  [Symbol.iterator](): MapIterator<[Key, Value]> {
    return this.entries();
  }

  /** Makes this version the root (turning the path from the old root around) and returns the Map. */
  private reroot(): Map<Key, Value> {
    if (this.node.kind === 'root') return this.node.map;
    const path: PersistentMap<Key, Value>[] = [this];
    let version = this.node.next;
    while (version.node.kind === 'diff') {
      path.push(version);
      version = version.node.next;
    }
    const map = version.node.map;
    for (let index = path.length - 1; index >= 0; index -= 1) {
      const nearer = path[index] as PersistentMap<Key, Value>;
      const step = nearer.node as Extract<Node<Key, Value>, { kind: 'diff' }>;
      const redo: Change<Key, Value>[] = [];
      for (let change = step.changes.length - 1; change >= 0; change -= 1) {
        const [key, value] = step.changes[change] as Change<Key, Value>;
        redo.push([key, map.get(key)]);
        if (value === undefined) map.delete(key);
        else map.set(key, value);
      }
      step.next.node = { kind: 'diff', next: nearer, changes: redo };
      nearer.node = { kind: 'root', map };
    }
    return map;
  }
}
