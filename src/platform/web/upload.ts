import type { RequestHandler } from 'express';
import multer from 'multer';

/**
 * One file per upload in the field "file", held in memory up to the size limit (a larger one is refused as it streams
 * in); a refusal is left in `res.locals.uploadProblem` for the form to show.
 */
export function singleUpload(maxBytes: number): RequestHandler {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 20 },
  }).single('file');
  return (req, res, next) =>
    parse(req, res, (error: unknown) => {
      if (error instanceof multer.MulterError) {
        res.locals.uploadProblem =
          error.code === 'LIMIT_FILE_SIZE'
            ? `The selected file must be smaller than ${Math.max(1, Math.floor(maxBytes / 1024 / 1024))} MB`
            : 'Upload one file at a time';
        return next();
      }
      next(error);
    });
}
