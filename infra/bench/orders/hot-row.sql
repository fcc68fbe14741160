-- pgbench script: the bare conditional hot-row update every order would do without a gate and shards
update bench_hot_row set stock = stock - 1 where id = 1 and stock >= 1;
