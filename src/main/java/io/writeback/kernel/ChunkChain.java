package io.writeback.kernel;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** The chunks of one iterator, then those of the next: the passes of one run, read one after the other. */
public final class ChunkChain implements Iterator<List<SyncRecord>> {

    private final Iterator<List<SyncRecord>> first;
    private final Iterator<List<SyncRecord>> then;

    public ChunkChain(Iterator<List<SyncRecord>> first, Iterator<List<SyncRecord>> then) {
        this.first = first;
        this.then = then;
    }

    @Override
    public boolean hasNext() {
        return first.hasNext() || then.hasNext();
    }

    @Override
    public List<SyncRecord> next() {
        if (first.hasNext()) {
            return first.next();
        }
        if (then.hasNext()) {
            return then.next();
        }
        throw new NoSuchElementException();
    }
}
