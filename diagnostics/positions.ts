// Where in a file a diagnostic points: the positions and ranges every syntax node carries.

export interface Position {
  /** 1-based */
  line: number;
  /** 1-based, in UTF-16 code units as editors count them */
  column: number;
  /** 0-based offset into the text */
  offset: number;
}

export interface SourceRange {
  start: Position;
  /** exclusive */
  end: Position;
}
