def _x(c): pass
not_a_database=truncated=corrupt_page=read_only=disk_full=file_size_limit=kill_during_seed=kill_during_write=memory=_x
