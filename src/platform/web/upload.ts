import type { Request, RequestHandler, Response } from 'express';
import { ValidationError } from '../errors.ts';
import { fromValidationError, type FormErrors } from './forms.ts';
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

/**
 * A form's one uploaded file, handed to `work`; a file too large, missing, or refused by `work` with a
 * ValidationError shows the form's page again (400) with the reason on the file field, and nothing else happens.
 */
export function fileForm(options: {
  maxBytes: number;
  /** The message when no file was chosen: "Select the HR extract". */
  missing: string;
  /** The form's page, with the error to show. */
  page: (res: Response, errors: FormErrors) => Promise<void>;
  work: (file: { name: string; bytes: Buffer }, req: Request, res: Response) => Promise<void>;
}): RequestHandler[] {
  return [
    singleUpload(options.maxBytes),
    async (req, res) => {
      const refuse = async (problem: string) => {
        res.status(400);
        await options.page(res, fromValidationError(new ValidationError(problem, { file: problem })));
      };
      const problem =
        (res.locals.uploadProblem as string | undefined) ?? (req.file ? undefined : options.missing);
      if (problem) return refuse(problem);
      try {
        await options.work({ name: req.file!.originalname, bytes: req.file!.buffer }, req, res);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        await refuse(error.message);
      }
    },
  ];
}
