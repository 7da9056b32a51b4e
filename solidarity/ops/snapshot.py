"""Consistent database snapshots as a stream of bytes, and their restoration.

SQLite: the online backup API copies a consistent snapshot while the site keeps serving.
PostgreSQL: `pg_dump --format=custom` (a consistent snapshot in one transaction), restored with
`pg_restore --single-transaction`, so a failed restore leaves the database as it was.

The SQLite snapshot passes through a private temporary file next to the database (the backup API
writes to a database, not a stream); it holds what the database file itself holds, on the same
disk, and is deleted as soon as it is encrypted.
"""

import contextlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from django.db import connection

from solidarity.ops.backup_format import CHUNK, BackupError


def engine() -> str:
    return "sqlite" if connection.vendor == "sqlite" else "postgresql"


def dump() -> Iterator[bytes]:
    return dump_sqlite() if engine() == "sqlite" else dump_postgresql()


def load(chunks: Iterable[bytes]) -> None:
    if engine() == "sqlite":
        load_sqlite(chunks)
    else:
        load_postgresql(chunks)


# --- SQLite ----------------------------------------------------------------------------------


def sqlite_path() -> Path:
    return Path(connection.settings_dict["NAME"])


@contextlib.contextmanager
def private_temp_file(directory: Path) -> Iterator[Path]:
    handle, name = tempfile.mkstemp(prefix=".backup-", suffix=".sqlite3", dir=directory)
    os.close(handle)  # mkstemp creates it readable by its owner only
    try:
        yield Path(name)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(name + suffix).unlink(missing_ok=True)


def dump_sqlite() -> Iterator[bytes]:
    with private_temp_file(sqlite_path().parent) as copy:
        source = sqlite3.connect(sqlite_path())
        target = sqlite3.connect(copy)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            target.close()
            source.close()
        with copy.open("rb") as snapshot:
            while chunk := snapshot.read(CHUNK):
                yield chunk


def load_sqlite(chunks: Iterable[bytes]) -> None:
    """Decrypts the whole snapshot first, checks it, then copies it into the live database."""
    with private_temp_file(sqlite_path().parent) as copy:
        with copy.open("wb") as snapshot:
            for chunk in chunks:
                snapshot.write(chunk)
        source = sqlite3.connect(copy)
        try:
            check_sqlite(source)
            connection.close()
            target = sqlite3.connect(sqlite_path(), timeout=20)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()


def check_sqlite(database: sqlite3.Connection) -> None:
    try:
        (result,) = database.execute("PRAGMA integrity_check").fetchone()
    except sqlite3.DatabaseError as error:
        raise BackupError("The snapshot in this backup is not a valid database.") from error
    if result != "ok":
        raise BackupError("The snapshot in this backup failed its integrity check.")


# --- PostgreSQL ------------------------------------------------------------------------------


def pg_tool(name: str) -> str:
    """pg_dump/pg_restore: from PG_BIN_DIR, else the newest server install, else the PATH."""
    installed = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    directories: list[str | Path] = [os.environ.get("PG_BIN_DIR", ""), *installed]
    for directory in directories:
        if directory and (Path(directory) / name).is_file():
            return str(Path(directory) / name)
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} not found: install the PostgreSQL client or set PG_BIN_DIR.")
    return found


def pg_environment() -> dict[str, str]:
    """Connection settings for libpq through its environment: no password on a command line."""
    settings: dict[str, Any] = connection.settings_dict
    env = {**os.environ, "PGDATABASE": str(settings["NAME"])}
    names = {"USER": "PGUSER", "PASSWORD": "PGPASSWORD", "HOST": "PGHOST", "PORT": "PGPORT"}
    env.update({libpq: str(settings[key]) for key, libpq in names.items() if settings.get(key)})
    return env


def dump_postgresql() -> Iterator[bytes]:
    command = [pg_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges"]
    with tempfile.TemporaryFile() as errors:
        with subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=errors, env=pg_environment()
        ) as process:
            assert process.stdout is not None
            while chunk := process.stdout.read(CHUNK):
                yield chunk
        if process.returncode:
            raise BackupError(f"pg_dump failed: {read_errors(errors)}")


def load_postgresql(chunks: Iterable[bytes]) -> None:
    command = [pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges"]
    command += ["--single-transaction", "--exit-on-error", "--dbname"]
    env = pg_environment()
    connection.close()
    with tempfile.TemporaryFile() as errors:
        with subprocess.Popen(
            [*command, env["PGDATABASE"]],
            stdin=subprocess.PIPE,
            stdout=errors,
            stderr=errors,
            env=env,
        ) as process:
            feed(process, chunks)
        if process.returncode:
            raise BackupError(f"pg_restore failed: {read_errors(errors)}")


def feed(process: "subprocess.Popen[bytes]", chunks: Iterable[bytes]) -> None:
    assert process.stdin is not None
    try:
        for chunk in chunks:
            process.stdin.write(chunk)
    except BrokenPipeError:
        pass  # pg_restore stopped early; its exit status and messages say why
    except BaseException:
        process.kill()  # a damaged stream: the single transaction is rolled back
        raise
    finally:
        with contextlib.suppress(BrokenPipeError):
            process.stdin.close()


def read_errors(errors: Any) -> str:
    errors.seek(0)
    return str(errors.read().decode(errors="replace").strip()[-2000:])
