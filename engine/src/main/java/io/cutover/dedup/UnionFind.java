package io.cutover.dedup;

/** Disjoint sets of record positions: the clusters that duplicate pairs make, transitively. */
final class UnionFind {

    private final int[] parent;

    UnionFind(int size) {
        parent = new int[size];
        for (int i = 0; i < size; i++) {
            parent[i] = i;
        }
    }

    int root(int element) {
        int current = element;
        while (parent[current] != current) {
            parent[current] = parent[parent[current]];
            current = parent[current];
        }
        return current;
    }

    void union(int a, int b) {
        int rootA = root(a);
        int rootB = root(b);
        if (rootA != rootB) {
            // the lower position as root keeps a cluster's root its first record
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }
}
